/*
 * Formula help on a text box (the cell editor, the formula bar), as Excel shows it: while a
 * formula is typed, a list of the functions whose names start with what is typed (↑/↓ to
 * choose, Tab or a click to take, Escape to close; Enter enters the formula as typed, as in
 * Excel), and inside a call the function's arguments with the current one in bold and its
 * description.
 *
 * Plain DOM, so that it serves the grid's own editor as well as the React formula bar. The text
 * box is an ARIA combobox over the list; the hint is its description.
 */
import type { Lang } from "../taskpane/i18n";
import {
  FunctionHelp,
  callAtCaret,
  completions,
  functionCatalogue,
  nameAtCaret,
} from "./formula-help";
import { FUNCTION_DESCRIPTIONS } from "./function-descriptions";

let counter = 0;
const TABSTER_KEEP_TAB = JSON.stringify({ focusable: { ignoreKeydown: { Tab: true } } });

/** Sets a text box's value so that React (for the formula bar) hears of it too. */
function setValue(input: HTMLInputElement, value: string, caret: number): void {
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value")?.set;
  if (setter) setter.call(input, value);
  else input.value = value;
  input.setSelectionRange(caret, caret);
  input.dispatchEvent(new Event("input", { bubbles: true }));
}

const catalogues = new Map<Lang, FunctionHelp[]>();
function catalogueFor(lang: Lang): FunctionHelp[] {
  let c = catalogues.get(lang);
  if (!c) catalogues.set(lang, (c = functionCatalogue(lang, FUNCTION_DESCRIPTIONS)));
  return c;
}

/** Adds formula help to a text box; returns what removes it. */
export function attachFormulaHelp(input: HTMLInputElement, lang: Lang): () => void {
  const id = `sjuk-formula-help-${++counter}`;
  const catalogue = catalogueFor(lang);
  const popup = document.createElement("div");
  popup.className = "sjuk-formula-help";
  popup.dataset.testid = "formula-help";
  const list = document.createElement("ul");
  list.id = `${id}-list`;
  list.setAttribute("role", "listbox");
  list.setAttribute("aria-label", lang === "sv" ? "Funktioner" : "Functions");
  const hint = document.createElement("div");
  hint.id = `${id}-hint`;
  hint.className = "sjuk-formula-hint";
  hint.dataset.testid = "formula-hint";
  popup.append(list, hint);
  document.body.appendChild(popup);

  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-controls", list.id);
  input.setAttribute("aria-expanded", "false");
  input.setAttribute("aria-describedby", hint.id);
  input.autocomplete = "off";

  let items: FunctionHelp[] = [];
  let active = 0;
  let replaceFrom = 0;

  const place = () => {
    const r = input.getBoundingClientRect();
    popup.style.left = `${Math.round(r.left)}px`;
    popup.style.top = `${Math.round(r.bottom + 2)}px`;
  };

  const renderList = () => {
    list.replaceChildren(
      ...items.map((f, i) => {
        const li = document.createElement("li");
        li.id = `${id}-option-${i}`;
        li.setAttribute("role", "option");
        li.setAttribute("aria-selected", String(i === active));
        li.dataset.name = f.name;
        const name = document.createElement("strong");
        name.textContent = f.name;
        li.append(name);
        if (f.description) {
          const d = document.createElement("span");
          d.textContent = ` ${f.description}`;
          li.append(d);
        }
        li.onmousedown = (e) => {
          e.preventDefault();
          active = i;
          accept();
        };
        return li;
      })
    );
    list.hidden = items.length === 0;
    input.setAttribute("aria-expanded", String(items.length > 0));
    // While the list is open, Tab takes a function: Fluent UI's focus manager (tabster) must not
    // move the focus on Tab first.
    if (items.length) input.setAttribute("data-tabster", TABSTER_KEEP_TAB);
    else input.removeAttribute("data-tabster");
    if (items.length) input.setAttribute("aria-activedescendant", `${id}-option-${active}`);
    else input.removeAttribute("aria-activedescendant");
  };

  const renderHint = (caret: number) => {
    const call = callAtCaret(input.value, caret, lang);
    const f = call && catalogue.find((x) => x.name === call.name && x.parameters.length);
    hint.replaceChildren();
    hint.hidden = !f;
    if (!f || !call) return;
    const sep = lang === "sv" ? "; " : ", ";
    const sig = document.createElement("div");
    sig.append(`${f.name}(`);
    f.parameters.forEach((p, i) => {
      if (i) sig.append(sep);
      const label = p.optional ? `[${p.name}]` : p.name;
      if (i === call.argument) {
        const b = document.createElement("strong");
        b.textContent = label;
        sig.append(b);
      } else sig.append(label);
    });
    sig.append(")");
    hint.append(sig);
    const param = f.parameters[call.argument];
    const text = param?.description ?? f.description;
    if (text) {
      const d = document.createElement("div");
      d.textContent = param ? `${param.name}: ${text}` : text;
      hint.append(d);
    }
  };

  const update = () => {
    const caret = input.selectionStart ?? input.value.length;
    const name = nameAtCaret(input.value, caret);
    items = name ? completions(catalogue, name.prefix) : [];
    replaceFrom = name?.start ?? 0;
    active = 0;
    renderList();
    renderHint(caret);
    popup.hidden = list.hidden && hint.hidden;
    if (!popup.hidden) place();
  };

  const close = () => {
    items = [];
    renderList();
    popup.hidden = hint.hidden;
  };

  function accept() {
    const f = items[active];
    if (!f) return;
    const caret = input.selectionStart ?? input.value.length;
    const value = `${input.value.slice(0, replaceFrom)}${f.name}(${input.value.slice(caret)}`;
    setValue(input, value, replaceFrom + f.name.length + 1);
    update();
  }

  const onKeyDown = (e: KeyboardEvent) => {
    if (!items.length) return;
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      active = (active + (e.key === "ArrowDown" ? 1 : items.length - 1)) % items.length;
      renderList();
    } else if (e.key === "Tab") accept();
    else if (e.key === "Escape") close();
    else return;
    // The key was the list's: neither the grid nor the editor acts on it.
    e.preventDefault();
    e.stopPropagation();
  };
  const onBlur = () => {
    popup.hidden = true;
  };
  const onCaret = () => renderHint(input.selectionStart ?? input.value.length);

  input.addEventListener("keydown", onKeyDown);
  input.addEventListener("input", update);
  input.addEventListener("focus", update);
  input.addEventListener("click", onCaret);
  input.addEventListener("keyup", onCaret);
  input.addEventListener("blur", onBlur);
  popup.hidden = true;
  // A formula already in the box (the editor opened on one) gets its hint at once.
  if (document.activeElement === input) update();

  return () => {
    input.removeEventListener("keydown", onKeyDown);
    input.removeEventListener("input", update);
    input.removeEventListener("focus", update);
    input.removeEventListener("click", onCaret);
    input.removeEventListener("keyup", onCaret);
    input.removeEventListener("blur", onBlur);
    for (const a of ["role", "aria-autocomplete", "aria-controls", "aria-expanded"])
      input.removeAttribute(a);
    input.removeAttribute("aria-activedescendant");
    input.removeAttribute("aria-describedby");
    input.removeAttribute("data-tabster");
    popup.remove();
  };
}
