import { ASSIGNMENT_2024, findGrantDeadline, grantDeadlines } from "../agreements";
import { fromExcelSerial, isIsoDate, toExcelSerial, todayIso } from "../engine/calendar";
import { formatKronor } from "../engine/money";
import { computeLedger, deadlineState } from "../engine/ledger";
import { Cell, isBlank, parseNumber, parseYesNo, showCellSv } from "../inputs/cells";
import { numberArg, textArg } from "./arguments";
import type { Argument, FunctionSpec } from "./catalog";
import { badValue, notAvailable, svName } from "./values";

/*
 * The grant ledger's functions (the 2024 assignment to Socialstyrelsen): thin adapters over
 * src/engine/ledger.ts, which holds every rule.
 */
const decision = ASSIGNMENT_2024;

function yearArg(value: Argument) {
  const year = numberArg(value as Cell, "year").toNumber();
  const found = decision.years.find((y) => y.year === year);
  const years = decision.years.map((y) => y.year).join(", ");
  if (!found)
    notAvailable(
      `year: the decision has no money for ${year} (years: ${years})`,
      `år: beslutet har inga medel för ${year} (år: ${years})`
    );
  return found;
}

function itemArg(value: Argument) {
  const id = textArg(value as Cell, "item").toLowerCase();
  const deadline = findGrantDeadline(decision, id);
  const ids = () =>
    grantDeadlines(decision)
      .map((d) => d.id)
      .join(", ");
  if (!deadline)
    notAvailable(
      `item: "${id}" is not a deadline of the assignment (${ids()})`,
      `frist: "${id}" är ingen frist i uppdraget (${ids()})`
    );
  return deadline;
}

/** A date as a sheet gives it: an Excel date serial, or text YYYY-MM-DD. Blank: `fallback`. */
function dateArg(value: Argument, name: string, fallback: string | null): string | null {
  if (isBlank(value as Cell)) return fallback;
  if (typeof value === "string" && isIsoDate(value.trim())) return value.trim();
  const n = parseNumber(value as Cell);
  if (n.ok && n.value.isInteger() && n.value.greaterThan(0))
    return fromExcelSerial(n.value.toNumber());
  return badValue(
    `${name}: ${JSON.stringify(value)} is not a date (an Excel date or YYYY-MM-DD)`,
    `${svName(name)}: ${typeof value === "number" ? showCellSv(value) : JSON.stringify(value)} är inget datum (ett Excel-datum eller ÅÅÅÅ-MM-DD)`
  );
}

/** Whether the Riksdag has appropriated a planned year's money: yes/no, blank = no. */
function confirmedArg(value: Argument): boolean {
  if (isBlank(value as Cell)) return false;
  const flag = parseYesNo(value as Cell);
  if (!flag.ok) badValue(`confirmed: ${flag.message}`, `bekräftat: ${flag.sv}`);
  return flag.value;
}

/** The ledger's errors as a cell message; its advice to confirm a year points at the argument here. */
function ledgerErrors(ledger: ReturnType<typeof computeLedger>): void {
  if (ledger.errors.length)
    badValue(
      ledger.errors
        .map((e) =>
          e.message.replace("confirm the year (confirmedYears)", "give TRUE as confirmed")
        )
        .join("; "),
      ledger.errors
        .map((e) => e.sv.replace("bekräfta året (confirmedYears)", "ange SANT som bekräftat"))
        .join("; ")
    );
}

export const GRANT_FUNCTIONS: readonly FunctionSpec[] = [
  {
    name: "GRANT",
    parameters: [
      { name: "year", kind: "scalar" },
      { name: "confirmed", kind: "scalar", optional: true },
    ],
    run: ([year, confirmed]) => {
      const y = yearArg(year!);
      const ledger = computeLedger(decision, {
        confirmedYears: confirmedArg(confirmed!) ? [y.year] : [],
      });
      const row = ledger.years.find((x) => x.year === y.year)!;
      if (!row.confirmed) {
        notAvailable(
          `${y.year}: ${formatKronor(y.amount)} is planned, on condition that the Riksdag appropriates it; not granted until confirmed (give TRUE as confirmed)`,
          `${y.year}: ${formatKronor(y.amount)} är planerade, under förutsättning att riksdagen anvisar medlen; inte beviljade förrän året är bekräftat (ange SANT som bekräftat)`
        );
      }
      return row.granted;
    },
  },
  {
    name: "REPAY",
    parameters: [
      { name: "year", kind: "scalar" },
      { name: "requisitioned", kind: "scalar" },
      { name: "spent", kind: "scalar" },
      { name: "confirmed", kind: "scalar", optional: true },
    ],
    run: ([year, requisitioned, spent, confirmed]) => {
      const y = yearArg(year!);
      const isConfirmed = confirmedArg(confirmed!);
      const amount = (v: Argument, name: string) => {
        const n = numberArg(v as Cell, name);
        if (!n.isInteger() || n.isNegative())
          badValue(
            `${name}: ${n.toString()} is not whole, non-negative kronor`,
            `${svName(name)}: ${n.toString().replace(".", ",")} är inte ett helt, icke-negativt antal kronor`
          );
        return n.toString();
      };
      // The requisition's date does not change what must be repaid; its deadline stands in for it.
      const on = y.requisition?.by ?? `${y.year}-12-31`;
      const ledger = computeLedger(
        decision,
        {
          requisitions: [
            { year: y.year, amount: amount(requisitioned!, "requisitioned"), date: on },
          ],
          spent: [{ year: y.year, amount: amount(spent!, "spent") }],
          confirmedYears: isConfirmed ? [y.year] : [],
        },
        { asOf: on }
      );
      ledgerErrors(ledger);
      return ledger.years.find((x) => x.year === y.year)!.toRepay;
    },
  },
  {
    name: "DEADLINE",
    parameters: [{ name: "item", kind: "scalar" }],
    returnsDate: true,
    run: ([item]) => toExcelSerial(itemArg(item!).date),
  },
  {
    name: "STATUS",
    parameters: [
      { name: "item", kind: "scalar" },
      { name: "as_of", kind: "scalar", optional: true },
      { name: "done_on", kind: "scalar", optional: true },
    ],
    run: ([item, asOf, doneOn]) => {
      const deadline = itemArg(item!);
      const status = deadlineState(
        deadline.date,
        dateArg(asOf!, "as_of", todayIso())!,
        dateArg(doneOn!, "done_on", null)
      );
      if (status.state === "met") return status.late ? "met late" : "met";
      return status.state === "due"
        ? `due in ${status.days} days`
        : `overdue by ${status.days} days`;
    },
  },
];
