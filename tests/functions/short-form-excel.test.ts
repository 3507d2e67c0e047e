import {
  RunExcel,
  ShortFormRecalculation,
  splitAddress,
} from "../../src/functions/short-form-excel";

/*
 * The short form's life in Excel, against a small fake of the Excel API: the table is deleted
 * and recreated (Infoga bladen), the workbook is reopened (a new runtime), a recorded cell's
 * sheet is renamed or deleted. A sync counter per operation comes with it.
 */

type Handler = (event: { tableId: string }) => Promise<void> | void;

class FakeExcel {
  tableId: string | undefined = "table-1";
  sheets = new Set(["Resultat", "Mitt blad"]);
  calculated: string[] = [];
  fullCalculations = 0;
  startupLoads = 0;
  syncs = 0;
  changed: Handler[] = [];
  added: Handler[] = [];

  run: RunExcel = async (batch) => batch(this.context() as unknown as Excel.RequestContext);

  private context() {
    const fake = this;
    const nullable = <T extends object>(exists: boolean, value: T) => ({
      ...value,
      isNullObject: !exists,
    });
    return {
      sync: async () => {
        fake.syncs++;
      },
      workbook: {
        tables: {
          onChanged: { add: (h: Handler) => fake.changed.push(h) },
          onAdded: { add: (h: Handler) => fake.added.push(h) },
          getItemOrNullObject: () => {
            const t = nullable(fake.tableId !== undefined, {
              id: fake.tableId,
              getDataBodyRange: () => ({
                load: () => ({ values: [["01", "Region Stockholm", 2377081]] }),
              }),
              load: () => t,
            });
            return t;
          },
        },
        worksheets: {
          getItemOrNullObject: (name: string) =>
            nullable(fake.sheets.has(name), {
              getRange: (cell: string) => ({
                calculate: () => fake.calculated.push(`${name}!${cell}`),
              }),
            }),
        },
        application: { calculate: () => fake.fullCalculations++ },
      },
    };
  }

  /** Fires the table events as Excel would. */
  async fire(kind: "changed" | "added", tableId = this.tableId!) {
    for (const h of kind === "changed" ? this.changed : this.added) await h({ tableId });
  }
}

function setup() {
  const excel = new FakeExcel();
  const shortForm = new ShortFormRecalculation(excel.run, async () => {
    excel.startupLoads++;
  });
  return { excel, shortForm };
}

describe("the short form =SJUK.SHARE(region) in Excel", () => {
  test("reading the table records the cell, in one batch of two syncs, and registers nothing", async () => {
    const { excel, shortForm } = setup();
    expect(await shortForm.read("Resultat!B2")).toEqual([["01", "Region Stockholm", 2377081]]);
    expect(excel.syncs).toBe(2);
    expect([...shortForm.cells]).toEqual(["Resultat!B2"]);
    // The function itself neither registers listeners nor touches the document.
    expect(excel.changed).toHaveLength(0);
    expect(excel.startupLoads).toBe(0);
  });

  test("a change of the population table recalculates exactly the recorded cells, in two syncs", async () => {
    const { excel, shortForm } = setup();
    await shortForm.listen();
    await shortForm.read("Resultat!B2");
    await shortForm.read("'Mitt blad'!C3");
    excel.syncs = 0;
    await excel.fire("changed");
    expect(excel.calculated.sort()).toEqual(["Mitt blad!C3", "Resultat!B2"]);
    expect(excel.syncs).toBe(2); // which table, do the sheets exist; calculate
    excel.calculated = [];
    await excel.fire("changed", "another-table");
    expect(excel.calculated).toEqual([]);
  });

  test("Infoga bladen deletes and recreates the table: the listener on the collection still hears it", async () => {
    const { excel, shortForm } = setup();
    await shortForm.listen();
    await shortForm.read("Resultat!B2");
    excel.tableId = undefined; // deleted
    excel.tableId = "table-2"; // recreated with a new id
    await excel.fire("added");
    expect(excel.calculated).toEqual(["Resultat!B2"]);
    excel.calculated = [];
    await excel.fire("changed");
    expect(excel.calculated).toEqual(["Resultat!B2"]);
    expect(excel.changed).toHaveLength(1); // registered once, not per table
  });

  test("a workbook with the table asks Office to start the runtime with the document, so a reopen registers again", async () => {
    const { excel, shortForm } = setup();
    await shortForm.listen();
    expect(excel.startupLoads).toBe(1);
    await shortForm.listen(); // once per runtime
    expect(excel.changed).toHaveLength(1);
    // Reopening: a new runtime, a new instance, registered at start-up again.
    const reopened = new ShortFormRecalculation(excel.run, async () => undefined);
    await reopened.listen();
    expect(excel.changed).toHaveLength(2);
    // A workbook without the table: no start-up load until the sheets are inserted.
    const empty = setup();
    empty.excel.tableId = undefined;
    await empty.shortForm.listen();
    expect(empty.excel.startupLoads).toBe(0);
    empty.excel.tableId = "t";
    await empty.excel.fire("added");
    expect(empty.excel.startupLoads).toBe(1);
  });

  test("a recorded cell's sheet renamed or deleted: dropped, one full recalculation, nothing throws", async () => {
    const { excel, shortForm } = setup();
    await shortForm.listen();
    await shortForm.read("Resultat!B2");
    await shortForm.read("'Mitt blad'!C3");
    excel.sheets.delete("Mitt blad"); // renamed to something else, or deleted
    await expect(excel.fire("changed")).resolves.toBeUndefined();
    expect(excel.calculated).toEqual(["Resultat!B2"]);
    expect(excel.fullCalculations).toBe(1);
    expect([...shortForm.cells]).toEqual(["Resultat!B2"]);
    excel.calculated = [];
    await excel.fire("changed");
    expect(excel.fullCalculations).toBe(1);
  });

  test("a failed registration can be retried; a failing recalculation never rejects", async () => {
    const excel = new FakeExcel();
    let fail = true;
    const run: RunExcel = async (batch) => {
      if (fail) throw new Error("Excel is busy");
      return excel.run(batch);
    };
    const shortForm = new ShortFormRecalculation(run, async () => undefined);
    await expect(shortForm.listen()).rejects.toThrow("Excel is busy");
    fail = false;
    await shortForm.listen();
    expect(excel.changed).toHaveLength(1);
    shortForm.cells.add("Resultat!B2");
    fail = true;
    await expect(shortForm.tableChanged("table-1")).resolves.toBeUndefined();
  });

  test("addresses with quoted sheet names", () => {
    expect(splitAddress("'It''s mine'!B7")).toEqual({ sheet: "It's mine", cell: "B7" });
    expect(splitAddress("Resultat!A1")).toEqual({ sheet: "Resultat", cell: "A1" });
  });
});
