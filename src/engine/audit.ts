import type { Post, PostRule } from "../agreements/schema";
import type { Allocation } from "./allocate";
import type { ContactMoney } from "./contacts";
import type { Kronor } from "./money";
import type { Region } from "./regions";

/**
 * A post's result, and the parts of it built only when read: the payment objects (from the
 * typed array of amounts) and the audit objects (`allocation`, `contacts`, by the decimal
 * reference). Those are accessors on the class, so a result costs one object and one array.
 */

export interface Payment {
  /** A member's code (a region's county code), or a body's id (SKR, Försäkringskassan, …). */
  recipient: string;
  /** Display name: the member's official name, or the body. */
  name: string;
  amount: Kronor;
}

export interface PostResult {
  post: Post;
  /** The budget the agreement sets for the post (a "högst" post's ceiling). */
  budget: Kronor;
  /** A "högst" post's decided amount, when one was given. */
  decided?: Kronor;
  paid: Kronor;
  unpaid: Kronor;
  /** Posts to the recipient set: what a non-fulfilling member's money does. */
  rule?: PostRule;
  /** Money reserved for the government's decision (follow-up), not a payout to a recipient. */
  reservation: boolean;
  /** Posts to the recipient set: what each member is paid, in the set's order. */
  amounts?: Float64Array;
  /** Per member of the recipient set (in its order), or the one body. */
  payments: Payment[];
  /** How the money was split, for audit (SJUK.EXPLAIN); a per-unit post's caps. */
  allocation?: Allocation;
  contacts?: ContactMoney;
}

export const LAZY = Symbol("sjuk.lazy");

/** Caches a value built by a getter as an own, enumerable, writable property that shadows it. */
export function keep<T>(o: object, name: string, value: T): T {
  Object.defineProperty(o, name, { value, enumerable: true, writable: true, configurable: true });
  return value;
}

/** A post to a body: its one payment is built when read. */
export class BodyPostResult implements PostResult {
  decided?: Kronor;

  constructor(
    public post: Post,
    public budget: Kronor,
    decided: Kronor | undefined,
    public paid: Kronor,
    public unpaid: Kronor,
    public reservation: boolean
  ) {
    if (decided !== undefined) this.decided = decided;
  }

  get payments(): Payment[] {
    const r = this.post.recipient;
    return keep(this, "payments", [{ recipient: r, name: r, amount: this.paid }]);
  }

  set payments(value: Payment[]) {
    keep(this, "payments", value);
  }
}

interface Lazy {
  /** The amounts: one per member, in the compute call's one buffer from `offset`. */
  block: Float64Array;
  offset: number;
  view: Float64Array | undefined;
  members: readonly Region[];
  payments: Payment[] | undefined;
  /** Builds the audit: an Allocation (key post) or a ContactMoney (per-unit post). */
  make: (() => unknown) | undefined;
  audit: unknown;
  built: boolean;
  perUnit: boolean;
  /** A per-unit post's `allocation` assigned by a caller (else its caps). */
  allocation: Allocation | undefined;
  allocationSet: boolean;
}

/** A post to the recipient set. */
export class SetPostResult implements PostResult {
  declare [LAZY]: Lazy;
  decided?: Kronor;

  constructor(
    public post: Post,
    public budget: Kronor,
    decided: Kronor | undefined,
    public paid: Kronor,
    public unpaid: Kronor,
    public rule: PostRule,
    public reservation: boolean,
    block: Float64Array,
    offset: number,
    members: readonly Region[],
    make: (() => unknown) | undefined,
    perUnit: boolean
  ) {
    if (decided !== undefined) this.decided = decided;
    // A symbol key: outside JSON, Object.keys and for…in (a plain assignment; defineProperty costs more).
    this[LAZY] = {
      block,
      offset,
      view: undefined,
      members,
      payments: undefined,
      make,
      audit: undefined,
      built: false,
      perUnit,
      allocation: undefined,
      allocationSet: false,
    };
  }

  /** What each member is paid, in the set's order: a view of the compute call's buffer. */
  get amounts(): Float64Array {
    const s = this[LAZY];
    return (s.view ??= s.block.subarray(s.offset, s.offset + s.members.length));
  }

  private audit<T>(): T {
    const s = this[LAZY];
    if (!s.built) {
      s.audit = s.make?.();
      s.built = true;
    }
    return s.audit as T;
  }

  get payments(): Payment[] {
    const s = this[LAZY];
    if (!s.payments) {
      const n = s.members.length;
      const out = new Array<Payment>(n);
      for (let i = 0; i < n; i++) {
        const m = s.members[i]!;
        out[i] = { recipient: m.code, name: m.name, amount: s.block[s.offset + i]! };
      }
      s.payments = out;
    }
    return s.payments;
  }

  set payments(value: Payment[]) {
    this[LAZY].payments = value;
  }

  get allocation(): Allocation | undefined {
    const s = this[LAZY];
    if (s.perUnit) return s.allocationSet ? s.allocation : this.audit<ContactMoney>().caps;
    return this.audit<Allocation | undefined>();
  }

  set allocation(value: Allocation | undefined) {
    const s = this[LAZY];
    if (s.perUnit) {
      s.allocation = value;
      s.allocationSet = true;
    } else {
      s.audit = value;
      s.built = true;
    }
  }

  get contacts(): ContactMoney | undefined {
    return this[LAZY].perUnit ? this.audit<ContactMoney>() : undefined;
  }

  set contacts(value: ContactMoney | undefined) {
    const s = this[LAZY];
    s.audit = value;
    s.built = true;
  }
}
