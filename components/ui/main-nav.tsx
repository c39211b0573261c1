'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

import styles from './site-header.module.css';

const LINKS = [
  { href: '/', label: 'Dashboards' },
  { href: '/model', label: 'Model' },
  { href: '/glossary', label: 'Glossary' },
] as const;

function isActive(pathname: string, href: string): boolean {
  if (href === '/') return pathname === '/';
  return pathname === href || pathname.startsWith(`${href}/`);
}

export function MainNav() {
  const pathname = usePathname();

  return (
    <nav aria-label="Primary" className={styles.nav}>
      <ul className={styles.navList}>
        {LINKS.map(({ href, label }) => (
          <li key={href}>
            <Link href={href} className={styles.navLink} aria-current={isActive(pathname, href) ? 'page' : undefined}>
              {label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
