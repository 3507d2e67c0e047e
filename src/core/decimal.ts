import DecimalBase from "decimal.js";

/**
 * The one Decimal constructor the engine uses. 64 significant digits keeps every integer
 * product of the allocation (kronor × scaled weight) exact, so nothing is ever rounded
 * except where a rule says so.
 */
export const Decimal = DecimalBase.clone({
  precision: 64,
  rounding: DecimalBase.ROUND_DOWN,
  toExpPos: 64,
});
export type Decimal = InstanceType<typeof Decimal>;
export type DecimalInput = Decimal | number | string;
