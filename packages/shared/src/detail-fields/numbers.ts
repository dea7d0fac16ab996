/** Decimal text for NUMBER fields, in the one notation both the API and CSV accept. */

// Optional sign, digits, optional fraction. No exponent, hex, grouping or
// locale separators: '1,234' means 1.234 in half the world.
export const PLAIN_DECIMAL = /^[+-]?(?:\d+(?:\.\d+)?|\.\d+)$/;

/** A double holds any 15-digit decimal exactly (DBL_DIG), so such values survive JSON, JSONB and back. */
export const MAX_SIGNIFICANT_DIGITS = 15;

// Smallest normal double: below it precision silently drops (subnormals) or the value becomes 0.
export const MIN_NORMAL = 2.2250738585072014e-308;

/** Significant digits in decimal text such as '-0.00150' (2) or String(1e21) → '1e+21' (1). */
export function significantDigits(text: string): number {
  const mantissa = text.split(/e/i)[0];
  return mantissa.replace(/\D/g, '').replace(/^0+/, '').replace(/0+$/, '').length;
}

/**
 * A number without exponent or grouping. String(n) switches to '1e+21' and
 * '1e-7', which our own CSV import would then reject, so the exponent is
 * spelled out.
 */
export function plainDecimal(n: number): string {
  const [mantissa, exponent] = String(n).split('e');
  if (exponent === undefined) return mantissa;
  const sign = mantissa.startsWith('-') ? '-' : '';
  const [whole, fraction = ''] = mantissa.replace('-', '').split('.');
  const digits = whole + fraction;
  const point = whole.length + Number(exponent);
  // JS only writes an exponent for |n| >= 1e21 or < 1e-6, so the point always
  // lands before or after every digit, never between them.
  return point <= 0 ? `${sign}0.${'0'.repeat(-point)}${digits}` : `${sign}${digits}${'0'.repeat(point - digits.length)}`;
}
