import { SqlCode } from '@/components/model/sql-code';
import type { EtlStage } from '@/server/etl-example-sources';

import styles from './etl.module.css';

/** The stages a load runs, each with the SQL files it executes, their own summary and their text on demand. */
export function EtlStages({ stages }: { stages: readonly EtlStage[] }) {
  return (
    <ol className={styles.stages}>
      {stages.map((stage) => (
        <li key={stage.id} className={styles.stage}>
          <h3 id={`stage-${stage.id}`}>{stage.title}</h3>
          <p>{stage.lede}</p>
          <ul className={styles.files}>
            {stage.files.map((file) => (
              <li key={file.path}>
                <code>{file.path}</code>
                <p className={styles.summary}>{file.summary}</p>
                <details className={styles.sql}>
                  <summary>
                    SQL <span className="visually-hidden">of {file.path}</span>
                  </summary>
                  <SqlCode code={file.text} label={file.path} />
                </details>
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ol>
  );
}
