import { connection } from 'next/server';

import { LoadDataCallout } from '@/components/status/load-data-callout';
import { getEtlExample } from '@/server/etl-example';

import { WorkedExampleView } from './worked-example-view';

/** Reads the live warehouse at request time, never during `next build`. */
export async function WorkedExample({ sessionId }: { sessionId?: string }) {
  await connection();
  const example = await getEtlExample(undefined, sessionId);
  if (example.state === 'empty') return <LoadDataCallout />;
  if (example.state === 'no-match') {
    return (
      <div className="callout" role="note">
        <h3 className="callout__title">No session to walk through yet</h3>
        <p>
          The warehouse holds {example.sessions.toLocaleString('en-US')} viewing sessions, but none is closed with a pause
          or a seek. Load more events (<code>npm run data:load -- DIR</code>) and the example appears here.
        </p>
      </div>
    );
  }
  if (example.state === 'not-found') {
    return (
      <div className="callout" role="note">
        <h3 className="callout__title">No session {example.sessionId}</h3>
        <p>
          The warehouse holds no viewing session with this id. It may have been loaded into another warehouse; open the
          sessions behind a figure on the dashboards and follow a session&apos;s link from there.
        </p>
      </div>
    );
  }
  return <WorkedExampleView example={example} requested={sessionId !== undefined} />;
}
