import { render } from "../../src/core/messages";
import {
  Cell,
  CommaReading,
  Parsed,
  isBlank,
  parseCount,
  parseNumber,
  parseWeight,
  parseYesNo,
  showCell,
  showCellSv,
  shown,
} from "../../src/inputs/cells";
import { LIMITS, grouped, showBytes } from "../../src/inputs/limits";

/** The value as a string, or the problem in English and Swedish. */
function read<T>(parsed: Parsed<T>): string | [string, string] {
  if (parsed.ok) return String(parsed.value);
  return [render(parsed.problem), render(parsed.problem, "sv")];
}
const num = (cell: Cell, reading?: CommaReading) => read(parseNumber(cell, reading));

describe("parseNumber: figures as Swedish and English users type them", () => {
  it("reads numbers, spaces (also no-break and narrow) grouping thousands, and a decimal comma", () => {
    expect(num(383_713)).toBe("383713");
    expect(num(12.5)).toBe("12.5");
    expect(num("2 377 081")).toBe("2377081");
    expect(num(" 2\u00a0377\u202f081 ")).toBe("2377081");
    expect(num("1 234,5")).toBe("1234.5");
    expect(num("−57")).toBe("-57");
    expect(num("-12,25")).toBe("-12.25");
    expect(num("0")).toBe("0");
  });

  it("reads commas grouping thousands before a decimal point", () => {
    expect(num("1,234,567")).toBe("1234567");
    expect(num("1,234.5")).toBe("1234.5");
    expect(num("-12,345,678.25")).toBe("-12345678.25");
  });

  it("reads '1,234' by the column's reading: a decimal comma unless the column groups thousands", () => {
    expect(num("1,234")).toBe("1.234");
    expect(num("1,234", "decimal-comma")).toBe("1.234");
    expect(num("1,234", "thousands-comma")).toBe("1234");
    expect(num("-383,713", "thousands-comma")).toBe("-383713");
    // Only a single group of three takes the reading; other texts read the same either way.
    expect(num("12,5", "thousands-comma")).toBe("12.5");
    expect(num("1,234,567", "thousands-comma")).toBe("1234567");
  });

  it("names what is not a number, in both languages", () => {
    expect(num("tolv")).toEqual(['"tolv" is not a number', '"tolv" är inte ett tal']);
    expect(num("1.234,5")).toEqual(['"1.234,5" is not a number', '"1.234,5" är inte ett tal']);
    expect(num("12 kr")).toEqual(['"12 kr" is not a number', '"12 kr" är inte ett tal']);
    expect(num("1,2,3")).toEqual(['"1,2,3" is not a number', '"1,2,3" är inte ett tal']);
    expect(num(".5")).toEqual(['".5" is not a number', '".5" är inte ett tal']);
    expect(num("5.")).toEqual(['"5." is not a number', '"5." är inte ett tal']);
    expect(num("1\n2")).toEqual(['"1\\n2" is not a number', '"1\\n2" är inte ett tal']);
    expect(num(true)).toEqual(["true is not a number", "true är inte ett tal"]);
    expect(num(Number.POSITIVE_INFINITY)).toEqual([
      "Infinity is not a finite number",
      "Infinity är inte ett ändligt tal",
    ]);
    expect(num(Number.NaN)).toEqual(["NaN is not a finite number", "NaN är inte ett ändligt tal"]);
  });

  it("calls a blank cell empty, not zero", () => {
    for (const blank of [null, undefined, "", "   "])
      expect(num(blank)).toEqual(["an empty cell is not a number", "en tom cell är inte ett tal"]);
  });

  it("refuses an over-long cell and an over-long figure before any arithmetic", () => {
    const long = "1".repeat(LIMITS.cellChars + 1);
    expect(num(long)[0]).toBe(
      `"${"1".repeat(60)}…" has 1001 characters; a cell may have at most 1000`
    );
    expect(read(parseNumber("1".repeat(LIMITS.cellChars - 1) + "x"))).toEqual([
      `"${"1".repeat(60)}…" is not a number`,
      `"${"1".repeat(60)}…" är inte ett tal`,
    ]);
    expect(num("1".repeat(30))).toBe("1".repeat(30));
    expect(num("1".repeat(31))).toEqual([
      `"${"1".repeat(31)}" has 31 digits; a figure may have at most 30`,
      `"${"1".repeat(31)}" har 31 siffror; ett tal får ha högst 30`,
    ]);
    expect(num("-123 234 567 890 123 456 789 012 345 678,9")[0]).toBe(
      '"-123 234 567 890 123 456 789 012 345 678,9" has 31 digits; a figure may have at most 30'
    );
    // A text with letters is simply not a number, however many digits it has.
    expect(num(`a${"1".repeat(31)}`)[0]).toBe(`"a${"1".repeat(31)}" is not a number`);
    // Only a leading minus sign (U+2212) is a minus; one after the digits is not a figure.
    expect(num(`${"1".repeat(31)}\u2212`)[0]).toBe(`"${"1".repeat(31)}\u2212" is not a number`);
  });

  it("trims tabs and line breaks around a figure, and groups of three only from the start", () => {
    expect(num("\t12,5\n")).toBe("12.5");
    expect(num("\t1,234,567\r\n")).toBe("1234567");
    expect(num("12345,678,901")).toEqual([
      '"12345,678,901" is not a number',
      '"12345,678,901" är inte ett tal',
    ]);
    expect(num("1,234,5678")[0]).toBe('"1,234,5678" is not a number');
    expect(num("1,234,567x")[0]).toBe('"1,234,567x" is not a number');
  });
});

describe("parseCount, parseWeight", () => {
  it("takes whole non-negative counts up to 10^12", () => {
    expect(read(parseCount("1 200"))).toBe("1200");
    expect(read(parseCount(0))).toBe("0");
    expect(read(parseCount(LIMITS.count))).toBe("1000000000000");
    expect(read(parseCount("1,200", "thousands-comma"))).toBe("1200");
    expect(read(parseCount("1,5"))).toEqual([
      '"1,5" is not a whole number',
      '"1,5" är inte ett heltal',
    ]);
    expect(read(parseCount(-3))).toEqual([
      "-3 is negative; a count cannot be",
      "-3 är negativt; ett antal kan inte vara negativt",
    ]);
    expect(read(parseCount(LIMITS.count + 1))).toEqual([
      "1000000000001 is too large; a count may be at most 1 000 000 000 000",
      "1000000000001 är för stort; ett antal får vara högst 1 000 000 000 000",
    ]);
    expect(read(parseCount("x"))).toEqual(['"x" is not a number', '"x" är inte ett tal']);
  });

  it("takes non-negative weights with decimals", () => {
    expect(read(parseWeight("383 713,5"))).toBe("383713.5");
    expect(read(parseWeight(0))).toBe("0");
    expect(read(parseWeight("1,234", "thousands-comma"))).toBe("1234");
    expect(read(parseWeight(-0.5))).toEqual(["-0.5 is negative", "-0,5 är negativt"]);
    expect(read(parseWeight(""))).toEqual([
      "an empty cell is not a number",
      "en tom cell är inte ett tal",
    ]);
  });
});

describe("parseYesNo", () => {
  it("reads yes and no in Swedish and English, TRUE/FALSE and 1/0, in any case", () => {
    const yes = ["ja", "J", "yes", "Y", "TRUE", "sant", "1", "x", " Uppfyllt ", "fulfilled"];
    const no = ["nej", "N", "no", "FALSE", "Falskt", "0", "ej uppfyllt", "Not fulfilled", "-"];
    for (const t of yes) expect(read(parseYesNo(t))).toBe("true");
    for (const t of no) expect(read(parseYesNo(t))).toBe("false");
    expect(read(parseYesNo(true))).toBe("true");
    expect(read(parseYesNo(false))).toBe("false");
    expect(read(parseYesNo(1))).toBe("true");
    expect(read(parseYesNo(0))).toBe("false");
    // Only the numbers 1 and 0: the texts "1" and "0" are read as words, "01" is neither.
    expect(read(parseYesNo(" 1 "))).toBe("true");
    expect(read(parseYesNo("01"))[0]).toBe('"01" is not yes or no (ja/nej, yes/no, TRUE/FALSE)');
  });

  it("names anything else, a blank too", () => {
    expect(read(parseYesNo("kanske"))).toEqual([
      '"kanske" is not yes or no (ja/nej, yes/no, TRUE/FALSE)',
      '"kanske" är varken ja eller nej (skriv ja/nej, SANT/FALSKT eller 1/0)',
    ]);
    expect(read(parseYesNo(2))[0]).toBe("2 is not yes or no (ja/nej, yes/no, TRUE/FALSE)");
    expect(read(parseYesNo(0.5))[1]).toBe(
      "0,5 är varken ja eller nej (skriv ja/nej, SANT/FALSKT eller 1/0)"
    );
    expect(read(parseYesNo(null))[0]).toBe('"" is not yes or no (ja/nej, yes/no, TRUE/FALSE)');
    expect(read(parseYesNo(undefined))[0]).toBe('"" is not yes or no (ja/nej, yes/no, TRUE/FALSE)');
  });
});

describe("showing a cell in a message", () => {
  it("quotes text (one line, cut) and shows numbers as they are, with a comma in Swedish", () => {
    expect(showCell("Skåne")).toBe('"Skåne"');
    expect(showCell("a\tb")).toBe('"a\\tb"');
    expect(showCell(12.5)).toBe("12.5");
    expect(showCell(null)).toBe("null");
    expect(showCellSv(12.5)).toBe("12,5");
    expect(showCellSv("12.5")).toBe('"12.5"');
    expect(shown(2.5)).toEqual({ value: "2.5", valueSv: "2,5" });
    expect(shown("x")).toEqual({ value: '"x"', valueSv: '"x"' });
  });

  it("counts only null, undefined and whitespace as blank", () => {
    expect([null, undefined, "", " \t"].map(isBlank)).toEqual([true, true, true, true]);
    expect([0, false, "0", "-"].map(isBlank)).toEqual([false, false, false, false]);
  });
});

describe("limits", () => {
  it("groups digits in threes and shows sizes in MiB when whole", () => {
    expect(grouped(1_048_576)).toBe("1 048 576");
    expect(grouped(1000)).toBe("1 000");
    expect(grouped(999)).toBe("999");
    expect(showBytes(LIMITS.fileBytes)).toBe("1 MiB");
    expect(showBytes(3 * 1024 * 1024)).toBe("3 MiB");
    expect(showBytes(1024 * 1024 + 1)).toBe("1 048 577 bytes");
    expect(showBytes(1000)).toBe("1 000 bytes");
    expect(showBytes(0)).toBe("0 bytes");
    expect(showBytes(1024)).toBe("1 024 bytes");
  });
});
