/**
 * Parse and check Redshift DDL independently of the generator that wrote it, so tests can show a DDL
 * file "parses as Redshift" and is physically sound. Split across modules to keep each one readable.
 */
export { DdlParseError, parseRedshiftDdl } from './redshift-ddl-parse';
export type {
  DdlColumn,
  DdlComment,
  DdlDataType,
  DdlOther,
  DdlStatement,
  DdlTable,
  DdlTableConstraint,
  DdlTableRef,
  DistStyle,
} from './redshift-ddl-types';
export { checkRedshiftDdl } from './redshift-ddl-check';
