/** The functions file's JSDoc descriptions, read at build time (scripts/function-descriptions-loader.js). */
declare module "*?descriptions" {
  const descriptions: {
    id: string;
    description: string;
    parameters: { name: string; description?: string }[];
  }[];
  export default descriptions;
}
