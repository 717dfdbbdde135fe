export const ROLES = ["telecommunicator", "supervisor", "admin"] as const;
export type Role = (typeof ROLES)[number];

/** Each role includes everything below it. */
export const ROLE_RANK: Record<Role, number> = { telecommunicator: 1, supervisor: 2, admin: 3 };

export function hasRole(userRole: Role, needed: Role): boolean {
  return ROLE_RANK[userRole] >= ROLE_RANK[needed];
}

/** The signed-in user behind a request, after the session was checked against the database. */
export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  sessionId: string;
}
