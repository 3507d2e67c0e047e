/**
 * The project's layers, bottom to top (README: "How it is built"). A module may import its own
 * layer and the layers below it, never one above, and nothing may form a cycle.
 * Checked by tests/architecture/dependencies.test.ts (part of npm test).
 */
const LAYERS = [
  ["core"],
  ["agreements"],
  ["engine"],
  ["reference", "inputs"],
  ["scenarios"],
  ["functions"],
  ["workbook", "report"],
  ["taskpane", "cli"],
  ["preview"],
];

/** For each layer: its folders may not import any folder of a higher layer. */
const upward = LAYERS.flatMap((layer, i) =>
  layer.map((dir) => {
    const above = LAYERS.slice(i + 1).flat();
    return {
      name: `no-upward-from-${dir}`,
      comment: `src/${dir} is in layer ${i} and may not import ${above.join(", ")}`,
      severity: "error",
      from: { path: `^src/${dir}/` },
      to: { path: `^src/(${above.join("|")})/` },
    };
  })
);

module.exports = {
  forbidden: [
    {
      name: "no-circular",
      comment: "Dependencies point one way: no module may reach itself again.",
      severity: "error",
      from: { path: "^src/" },
      to: { circular: true },
    },
    ...upward.filter((rule) => rule.to.path !== "^src/()/"),
    {
      name: "no-unknown-layer",
      comment: "Every folder of src/ belongs to a layer (add a new one to LAYERS).",
      severity: "error",
      from: { path: "^src/", pathNot: `^src/(${LAYERS.flat().join("|")}|types)/` },
      to: {},
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "node_modules" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { extensions: [".ts", ".tsx", ".js", ".json"] },
  },
};
