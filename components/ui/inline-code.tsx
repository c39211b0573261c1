/** Splits text on backticks: odd segments are code, as in Markdown's inline code. */
export function splitInlineCode(text: string): { code: boolean; text: string }[] {
  return text
    .split('`')
    .map((segment, index) => ({ code: index % 2 === 1, text: segment }))
    .filter((segment) => segment.text !== '');
}

/** Renders catalog prose, where `identifiers` are written in backticks, with real <code> elements. */
export function InlineCode({ text }: { text: string }) {
  return (
    <>
      {splitInlineCode(text).map((segment, index) =>
        segment.code ? <code key={index}>{segment.text}</code> : <span key={index}>{segment.text}</span>,
      )}
    </>
  );
}
