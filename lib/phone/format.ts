/**
 * How a stored number (digits with country code, as `normalize.ts` makes them) is shown:
 * "14125550101" → "(412) 555-0101" for North America, "+<digits>" for anything else.
 * Browser-safe and tiny: no phone library behind it.
 */
export function formatPhone(digits: string): string {
  const nanp = /^1(\d{3})(\d{3})(\d{4})$/.exec(digits);
  return nanp ? `(${nanp[1]}) ${nanp[2]}-${nanp[3]}` : `+${digits}`;
}
