import type { Allocation } from "./allocate";
import type { ContactMoney } from "./contacts";
import type { Kronor } from "./money";
import type { Region } from "./regions";

/**
 * Parts of a post's result that are built only when read: the payment objects (from the typed
 * array of amounts) and the audit objects (`allocation`, `contacts`, by the decimal reference).
 * They are own, enumerable accessors (as object-literal getters would be) whose get/set
 * functions are shared by every result, so results keep one hidden class (per-object getter
 * closures cost ~0.7 µs per object in V8). Their state sits under a non-enumerable symbol.
 */

export interface Payment {
  /** A member's code (a region's county code), or a body's id (SKR, Försäkringskassan, …). */
  recipient: string;
  /** Display name: the member's official name, or the body. */
  name: string;
  amount: Kronor;
}

const STATE = Symbol("sjuk.postResult");

interface LazyState {
  amounts: Float64Array;
  members: readonly Region[];
  payments: Payment[] | undefined;
  make: (() => unknown) | undefined;
  audit: unknown;
  built: boolean;
  /** For a per-unit post: an `allocation` assigned by the caller, else the caps. */
  allocation: Allocation | undefined;
  allocationSet: boolean;
}

const stateOf = (o: unknown) => (o as { [STATE]: LazyState })[STATE];

function auditOf<T>(o: unknown): T {
  const s = stateOf(o);
  if (!s.built) {
    s.audit = s.make?.();
    s.built = true;
  }
  return s.audit as T;
}

const PAYMENTS: PropertyDescriptor = {
  get(this: unknown): Payment[] {
    const s = stateOf(this);
    if (!s.payments) {
      const n = s.members.length;
      const out = new Array<Payment>(n);
      for (let i = 0; i < n; i++) {
        const m = s.members[i]!;
        out[i] = { recipient: m.code, name: m.name, amount: s.amounts[i]! };
      }
      s.payments = out;
    }
    return s.payments;
  },
  set(this: unknown, value: Payment[]) {
    stateOf(this).payments = value;
  },
  enumerable: true,
  configurable: true,
};

const ALLOCATION: PropertyDescriptor = {
  get(this: unknown) {
    return auditOf<Allocation | undefined>(this);
  },
  set(this: unknown, value: Allocation | undefined) {
    const s = stateOf(this);
    s.audit = value;
    s.built = true;
  },
  enumerable: true,
  configurable: true,
};

const UNIT_ALLOCATION: PropertyDescriptor = {
  get(this: unknown) {
    const s = stateOf(this);
    return s.allocationSet ? s.allocation : auditOf<ContactMoney>(this).caps;
  },
  set(this: unknown, value: Allocation | undefined) {
    const s = stateOf(this);
    s.allocation = value;
    s.allocationSet = true;
  },
  enumerable: true,
  configurable: true,
};

const CONTACTS: PropertyDescriptor = {
  get(this: unknown) {
    return auditOf<ContactMoney>(this);
  },
  set(this: unknown, value: ContactMoney) {
    const s = stateOf(this);
    s.audit = value;
    s.built = true;
  },
  enumerable: true,
  configurable: true,
};

/** Gives `result` a `payments` accessor over `amounts` (one per member, in the set's order). */
export function lazyPayments(
  result: object,
  amounts: Float64Array,
  members: readonly Region[]
): void {
  const state: LazyState = {
    amounts,
    members,
    payments: undefined,
    make: undefined,
    audit: undefined,
    built: false,
    allocation: undefined,
    allocationSet: false,
  };
  Object.defineProperty(result, STATE, { value: state });
  Object.defineProperty(result, "payments", PAYMENTS);
}

/** A key post's `allocation`, built by `make` when first read (after lazyPayments). */
export function lazyAllocation(result: object, make: () => Allocation | undefined): void {
  stateOf(result).make = make;
  Object.defineProperty(result, "allocation", ALLOCATION);
}

/** A per-unit post's `contacts` and `allocation` (its caps), built by `make` when first read (after lazyPayments). */
export function lazyContacts(result: object, make: () => ContactMoney): void {
  stateOf(result).make = make;
  Object.defineProperty(result, "allocation", UNIT_ALLOCATION);
  Object.defineProperty(result, "contacts", CONTACTS);
}
