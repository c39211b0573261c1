/** Quotes documentation text for COMMENT ON. Only ever applied to the model's own constant strings. */
export function quoteLiteral(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}
