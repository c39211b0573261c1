import { warehouseTables } from './0001-warehouse-tables';
import { calendar } from './0002-calendar';
import { unknownMembers } from './0003-unknown-members';
import { localTimeFunctions } from './0004-local-time-functions';
import { rollups } from './0005-rollups';
import { viewerRollups } from './0006-viewer-rollups';
import { completionAudience } from './0007-completion-audience';
import { audienceRollup } from './0008-audience-rollup';
import type { Migration } from './types';

/** Applied in order; a migration, once released, is never edited: a change is a new migration. */
export const migrations: readonly Migration[] = [warehouseTables, calendar, unknownMembers, localTimeFunctions, rollups, viewerRollups, completionAudience, audienceRollup];

export type { Migration } from './types';
