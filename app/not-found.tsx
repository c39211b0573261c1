import type { Metadata } from 'next';
import Link from 'next/link';

export const metadata: Metadata = { title: 'Page not found' };

export default function NotFound() {
  return (
    <div className="message-page card">
      <p className="message-page__code">404</p>
      <h1>Page not found</h1>
      <p className="muted">There is no page at this address. It may have moved, or the link may be mistyped.</p>
      <div className="button-row">
        <Link href="/" className="button">
          Go to Dashboards
        </Link>
        <Link href="/model" className="button button--secondary">
          Browse the warehouse model
        </Link>
      </div>
    </div>
  );
}
