/** Fictional people: officers and callers are drawn from these lists by the seed. */

export const FIRST_NAMES: readonly string[] = [
  "Aaron", "Alicia", "Andre", "Angela", "Ben", "Brianna", "Carlos", "Carmen", "Chris", "Dana",
  "Daniel", "Deshawn", "Elena", "Eric", "Fatima", "Frank", "Grace", "Greg", "Hannah", "Ian",
  "Isabel", "Jamal", "Jasmine", "Jeff", "Jenna", "Joe", "Karen", "Kevin", "Lauren", "Luis",
  "Maria", "Mark", "Megan", "Mike", "Nadia", "Nate", "Olivia", "Omar", "Patrick", "Priya",
  "Rachel", "Ray", "Rosa", "Sam", "Sarah", "Sean", "Tanya", "Tom", "Vanessa", "Will",
];

export const LAST_NAMES: readonly string[] = [
  "Adamski", "Baker", "Bianchi", "Brooks", "Carter", "Chen", "Costa", "Davis", "DiNardo", "Evans",
  "Fischer", "Flaherty", "Garcia", "Gallagher", "Hayes", "Hoffman", "Jackson", "Kaminski", "Kim", "Kowalski",
  "Lewis", "Lombardi", "Maloney", "Martinez", "Mazur", "McCarthy", "Miller", "Moore", "Murphy", "Nguyen",
  "Novak", "O'Brien", "Patel", "Petrakis", "Quinn", "Ramirez", "Reed", "Russo", "Santos", "Schmidt",
  "Sullivan", "Szymanski", "Thomas", "Turner", "Vasquez", "Walsh", "Washington", "Wiśniewski", "Young", "Zielinski",
];
