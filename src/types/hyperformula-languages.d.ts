// HyperFormula's language packs are exported through package "exports", which TypeScript's
// node10 resolution does not read; this declares the one we use.
declare module "hyperformula/commonjs/i18n/languages/svSE" {
  import type { RawTranslationPackage } from "hyperformula";
  const svSE: RawTranslationPackage;
  export default svSE;
}
