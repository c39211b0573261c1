import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';

import { SiteHeader } from '@/components/ui/site-header';
import { THEME_INIT_SCRIPT } from '@/components/ui/theme-script';

import './globals.css';

export const metadata: Metadata = {
  title: { default: 'StreamFlix Warehouse', template: '%s · StreamFlix Warehouse' },
  description: 'Engagement dashboards and the Redshift warehouse model behind them.',
};

export const viewport: Viewport = {
  colorScheme: 'light dark',
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#ffffff' },
    { media: '(prefers-color-scheme: dark)', color: '#151821' },
  ],
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: THEME_INIT_SCRIPT }} />
      </head>
      <body>
        <a href="#main" className="skip-link">
          Skip to content
        </a>
        <SiteHeader />
        <main id="main" tabIndex={-1} className="site-main">
          {children}
        </main>
      </body>
    </html>
  );
}
