import hljs from 'highlight.js/lib/core';
import sql from 'highlight.js/lib/languages/sql';

import styles from './sql-code.module.css';

hljs.registerLanguage('sql', sql);

/**
 * SQL highlighted on the server: the browser receives coloured HTML and no highlighter. highlight.js
 * escapes the source, so its markup is safe to insert.
 */
export function SqlCode({ code, label }: { code: string; label: string }) {
  const html = hljs.highlight(code, { language: 'sql' }).value;
  return (
    <pre className={styles.code} aria-label={label} tabIndex={0}>
      <code dangerouslySetInnerHTML={{ __html: html }} />
    </pre>
  );
}
