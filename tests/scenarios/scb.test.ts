import { findRegion, REGIONS } from "../../src/engine/regions";
import { readScbCsv, scbDate } from "../../src/scenarios";
import { SjukError } from "../../src/engine";

describe("SCB's tables", () => {
  it("knows every county by SCB's name, with or without its code", () => {
    const scb = [
      "Stockholms län",
      "Uppsala län",
      "Södermanlands län",
      "Östergötlands län",
      "Jönköpings län",
      "Kronobergs län",
      "Kalmar län",
      "Gotlands län",
      "Blekinge län",
      "Skåne län",
      "Hallands län",
      "Västra Götalands län",
      "Värmlands län",
      "Örebro län",
      "Västmanlands län",
      "Dalarnas län",
      "Gävleborgs län",
      "Västernorrlands län",
      "Jämtlands län",
      "Västerbottens län",
      "Norrbottens län",
    ];
    expect(scb.map((name) => findRegion(name)?.code)).toEqual(REGIONS.map((r) => r.code));
  });

  it("reads the reference date from the title's day and the time code, and only then", () => {
    expect(scbDate("Folkmängden den 1 november efter region", "2019M11")).toBe("2019-11-01");
    expect(scbDate("Folkmängden den 1 november efter region och år", "2019")).toBe("2019-11-01");
    expect(scbDate("Folkmängd efter region", "31 december 2019")).toBe("2019-12-31");
    expect(scbDate("Folkmängden den 1 november", "2019M12")).toBeNull(); // the title's month is not the column's
    expect(scbDate("Folkmängd per månad", "2019M11")).toBeNull(); // no day: not guessed
  });

  it("refuses a table without a date unless one is given, and one with two time columns", () => {
    const rows = [
      "01",
      "03",
      "04",
      "05",
      "06",
      "07",
      "08",
      "09",
      "10",
      "12",
      "13",
      "14",
      "17",
      "18",
      "19",
      "20",
      "21",
      "22",
      "23",
      "24",
      "25",
    ].map((c) => `"${c}";${Number(c) * 10}`);
    const csv = `"region";"2019M11"\n${rows.join("\n")}\n`;
    expect(() => readScbCsv(csv, "a.csv")).toThrow(
      /a\.csv: cannot tell the reference date from "2019M11"/
    );
    expect(readScbCsv(csv, "a.csv", "2019-11-01")).toMatchObject({
      date: "2019-11-01",
      figures: { "01": 10, "25": 250 },
    });
    const two = `"region";"2018M11";"2019M11"\n"01";1;2\n`;
    expect(() => readScbCsv(two, "b.csv")).toThrow(SjukError);
    expect(() => readScbCsv(two, "b.csv")).toThrow(/b\.csv, line 1: the table has 2 values of tid/);
  });

  it("refuses a county given twice (an export by age or sex) rather than keep one of them", () => {
    const csv =
      '"Folkmängden den 1 november"\n"region";"kön";"2019M11"\n"01 Stockholms län";"män";5\n"01 Stockholms län";"kvinnor";6\n';
    expect(() => readScbCsv(csv, "k.csv")).toThrow(/k\.csv, line 4: the table has 2 values of kön/);
  });
});
