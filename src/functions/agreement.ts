import { AGREEMENT_2020, agreementById, agreementIds } from "../agreements";
import type { AllocationAgreement } from "../agreements/schema";
import { message } from "../core/messages";
import { Recipients, recipientsOf } from "../engine/recipients";
import { Cell, isBlank } from "../inputs/cells";
import type { ArgumentShape } from "./spec";
import { badArgument } from "./values";
import { workbookAgreements } from "../agreements/held";

/*
 * The agreement a SJUK function computes: the one its `agreement` argument names (an id), else
 * the 2020 agreement. Ids resolve among the agreements the workbook holds (registered by the
 * task pane or the preview after checking them with zod: zod stays out of functions.js) and
 * those the package ships, with agreementById.
 */

/** The default agreement and its post lists (the functions without an `agreement` argument). */
export const agreement = AGREEMENT_2020;

/** What the functions need of an agreement, derived once per agreement object. */
export interface AgreementView {
  agreement: AllocationAgreement;
  /** Distinguishes two objects with the same id (a workbook's edited copy): part of every cache key. */
  serial: number;
  recipients: Recipients;
  /** Posts to the recipient set, in the agreement's order. */
  regionalPosts: readonly string[];
  postIds: readonly string[];
  /** Key columns in the order a key range gives them (after the member column): the default first. */
  keyColumns: readonly string[];
  /** Unit columns of the per-unit posts, in post order: the last columns of a units range. */
  unitColumns: readonly string[];
  /** Regional posts by their titles in lower case (sv and en): fulfilment columns headed by them. */
  titles: ReadonlyMap<string, string>;
}

const VIEWS = new WeakMap<AllocationAgreement, AgreementView>();
let serials = 0;

export function viewOf(a: AllocationAgreement): AgreementView {
  let view = VIEWS.get(a);
  if (!view) {
    const set = a.posts.filter((p) => p.recipient === a.recipients.id);
    const keyColumns = new Set([a.keyColumn]);
    const unitColumns = new Set<string>();
    for (const p of set) {
      if (p.key.type === "key") keyColumns.add(p.key.column);
      if (p.key.type === "per-unit") {
        keyColumns.add(p.key.cap.column);
        unitColumns.add(p.key.column);
      }
    }
    view = {
      agreement: a,
      serial: ++serials,
      recipients: recipientsOf(a),
      regionalPosts: set.map((p) => p.id),
      postIds: a.posts.map((p) => p.id),
      keyColumns: [...keyColumns],
      unitColumns: [...unitColumns],
      titles: new Map(
        set.flatMap((p) => [
          [p.title.sv.toLowerCase(), p.id],
          [p.title.en.toLowerCase(), p.id],
        ])
      ),
    };
    VIEWS.set(a, view);
  }
  return view;
}

export const defaultView = viewOf(agreement);
export const regionalPosts = defaultView.regionalPosts;
export const postIds = defaultView.postIds;

export { holdWorkbookAgreements, workbookAgreements } from "../agreements/held";

/** The agreement an `agreement` argument names; blank: the 2020 agreement. Unknown: #N/A listing the ids. */
export function agreementArg(value: Cell, name = "agreement"): AgreementView {
  if (isBlank(value)) return defaultView;
  const id = String(value).trim();
  const held = workbookAgreements();
  const found = agreementById(id, held);
  if (!found)
    badArgument(name, message("function.unknown-agreement", { id, ids: agreementIds(held) }), "na");
  return viewOf(found);
}

/** The agreement's name as the post messages give it: "2020" for the 2020 agreement, else its id. */
export function agreementLabel(view: AgreementView): string {
  return view.agreement === AGREEMENT_2020 ? "2020" : view.agreement.id;
}

/**
 * The agreement a spill is sized for, from the formula alone (HyperFormula sizes a spill before
 * computing it): left out, the 2020 agreement; an id written as text, that agreement (undefined
 * when neither the workbook nor SJUK holds it: the cell is then its #N/A). An agreement given
 * by a cell's value cannot be known yet: the spill is sized for the 2020 agreement, and a result
 * of another size is an error saying to write the id in the formula (see the HyperFormula host).
 */
export function spillAgreement(shape: ArgumentShape | null | undefined): AgreementView | undefined {
  if (!shape) return defaultView;
  if (typeof shape.literal !== "string") return defaultView;
  const id = shape.literal.trim();
  if (id === "") return defaultView;
  const found = agreementById(id, workbookAgreements());
  return found ? viewOf(found) : undefined;
}
