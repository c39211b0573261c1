import type { TableKind } from '@/db/schema/model-types';

import { KIND_LABEL } from './table-kind';

export function KindBadge({ kind }: { kind: TableKind }) {
  return <span className={`badge badge--${kind}`}>{KIND_LABEL[kind]}</span>;
}
