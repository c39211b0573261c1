'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

import styles from './model-nav.module.css';

const PAGES = [
  { href: '/model', label: 'Diagram' },
  { href: '/model/tables', label: 'Tables' },
  { href: '/model/conceptual', label: 'Conceptual' },
  { href: '/model/ddl', label: 'DDL' },
  { href: '/model/etl', label: 'ETL' },
] as const;

/** Moves between the views of the warehouse model. */
export function ModelNav() {
  const pathname = usePathname();
  return (
    <nav aria-label="Model views" className={styles.nav}>
      {PAGES.map((page) => (
        <Link key={page.href} href={page.href} className={styles.link} aria-current={pathname === page.href ? 'page' : undefined}>
          {page.label}
        </Link>
      ))}
    </nav>
  );
}
