import { SjukError, formatProblem, problem, problemText, textProblem } from "../../src/core/errors";
import { groupDigits, kr } from "../../src/core/format";
import { languageFor } from "../../src/core/language";
import { CATALOGUES, message, render } from "../../src/core/messages";
import { Decimal } from "../../src/core/decimal";

describe("the message catalogues", () => {
  it("have the same codes in English and Swedish", () => {
    expect(Object.keys(CATALOGUES.sv).sort()).toEqual(Object.keys(CATALOGUES.en).sort());
  });

  it("render a code with its parameters in each language", () => {
    const m = message("ledger.requisition-late", { date: "2024-12-02", days: 1, deadline: "2024-12-01", to: "Kammarkollegiet" });
    expect(render(m)).toBe("requisitioned on 2024-12-02, 1 day after the deadline 2024-12-01 (to Kammarkollegiet)");
    expect(render(m, "sv")).toBe("rekvirerat 2024-12-02, 1 dag efter sista dagen 2024-12-01 (till Kammarkollegiet)");
  });

  it("write the day phrases in one place, singular and plural", () => {
    const phrase = (code: "days.due" | "days.in" | "days.overdue" | "days.late", days: number) =>
      [render(message(code, { days })), render(message(code, { days }), "sv")];
    expect(phrase("days.due", 0)).toEqual(["due today", "sista dag i dag"]);
    expect(phrase("days.due", 1)).toEqual(["due in 1 day", "1 dag kvar"]);
    expect(phrase("days.due", 14)).toEqual(["due in 14 days", "14 dagar kvar"]);
    expect(phrase("days.in", 0)).toEqual(["today", "i dag"]);
    expect(phrase("days.in", 1)).toEqual(["in 1 day", "om 1 dag"]);
    expect(phrase("days.overdue", 1)).toEqual(["overdue by 1 day", "försenad 1 dag"]);
    expect(phrase("days.overdue", 3)).toEqual(["overdue by 3 days", "försenad 3 dagar"]);
    expect(phrase("days.late", 2)).toEqual(["late by 2 days", "2 dagar för sent"]);
  });

  it("nest messages: an argument's problem and a list", () => {
    const inner = message("function.not-whole-kronor", { value: "10.5" });
    const m = message("list", { items: [message("argument", { name: "amount", row: 2, problem: inner }), message("function.unknown", { name: "X" })] });
    expect(render(m)).toBe("amount, row 2: 10.5 is not whole, non-negative kronor; SJUK.X does not exist");
    expect(render(m, "sv")).toBe("belopp, rad 2: 10,5 är inte ett helt, icke-negativt antal kronor; SJUK.X finns inte");
  });

  it("refuse a code no catalogue has (only untyped data can make one)", () => {
    expect(() => render({ code: "no-such-code", params: {} } as never)).toThrow('unknown message code "no-such-code"');
  });
});

describe("problems", () => {
  it("carry a code, parameters and a location; SjukError's message is the English text with the place", () => {
    const p = problem("date.not-iso", { value: "2025-02-29" }, { sheet: "Bidrag", cell: "C2" });
    expect(p).toEqual({ code: "date.not-iso", params: { value: "2025-02-29" }, where: { sheet: "Bidrag", cell: "C2" } });
    expect(new SjukError([p]).message).toBe('Bidrag!C2: "2025-02-29" is not a date written YYYY-MM-DD');
    expect(formatProblem(problem("date.not-iso", { value: "x" }, { file: "a.csv", line: 4, column: "datum" }), "sv")).toBe(
      'a.csv, rad 4, kolumn datum: "x" är inte ett datum skrivet ÅÅÅÅ-MM-DD',
    );
  });

  it("a text problem (a code still to be given) shows its Swedish text, else its English", () => {
    expect(problemText(textProblem("only English"), "sv")).toBe("only English");
    expect(problemText(textProblem("English", undefined, "svenska"), "sv")).toBe("svenska");
    expect(new SjukError("plain").problems).toEqual([{ code: "text", params: { en: "plain" } }]);
  });
});

describe("formats and language", () => {
  it("group an amount's own digits, whatever its type", () => {
    expect(kr(1_234_567)).toBe("1 234 567 kr");
    expect(kr("-70000")).toBe("−70 000 kr");
    expect(kr(new Decimal("12345678901234567890"))).toBe("12 345 678 901 234 567 890 kr");
    expect(groupDigits(0)).toBe("0");
  });

  it("choose Swedish for sv and sv-SE (any case), English otherwise", () => {
    expect(["sv", "sv-SE", "SV-fi", "en-US", "de", undefined, ""].map(languageFor)).toEqual(["sv", "sv", "sv", "en", "en", "en", "en"]);
  });
});
