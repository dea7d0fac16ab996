import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Connection } from '../../common/connection';
import { ProblemType } from '../../common/problem.type';

export enum ImportStatus {
  QUEUED = 'QUEUED',
  RUNNING = 'RUNNING',
  SUCCEEDED = 'SUCCEEDED',
  FAILED = 'FAILED',
}
registerEnumType(ImportStatus, { name: 'ImportStatus' });

/** Where a job is: its file is read and staged, then every row is checked at once, then written in batches. */
export enum ImportPhase {
  QUEUED = 'QUEUED',
  READING = 'READING',
  CHECKING = 'CHECKING',
  WRITING = 'WRITING',
  DONE = 'DONE',
}
registerEnumType(ImportPhase, { name: 'ImportPhase', description: 'QUEUED, READING the file, CHECKING every row, WRITING them, DONE.' });

@ObjectType({ simpleResolvers: true, description: 'Why a whole import failed: the file could not be read, its header was refused, or rows failed with onError abort.' })
export class ImportFailure {
  @Field()
  message: string;

  @Field(() => ProblemType)
  problem: ProblemType;

  @Field(() => Int, { nullable: true, description: 'The line it is about, when one is.' })
  line: number | null;
}

@ObjectType({ simpleResolvers: true, description: 'A row problem; never carries a value of a field the viewer may not view.' })
export class ImportError {
  @Field(() => Int, { description: 'The file line the row starts on (JSON rows: the row number, from 1).' })
  line: number;

  @Field(() => String, { nullable: true, description: 'The column header as written in the file; null for a problem of the whole row.' })
  column: string | null;

  @Field(() => String, { nullable: true, description: 'The cell as written (at most 500 characters).' })
  value: string | null;

  @Field()
  message: string;

  @Field(() => ProblemType)
  problem: ProblemType;
}

@ObjectType({ simpleResolvers: true })
export class ImportErrorConnection extends Connection(ImportError, 'ImportError') {}

@ObjectType({ simpleResolvers: true, description: 'A bulk import: its progress, its outcome per row and its errors. Visible only to whoever started it.' })
export class ImportJob {
  @Field(() => ID)
  id: string;

  @Field({ description: 'customers or organizations.' })
  kind: string;

  @Field({ description: 'A dry run checks every row and counts what it would do, writing nothing.' })
  dryRun: boolean;

  @Field({ description: 'abort: any failed row means nothing is written; skip: the good rows are written.' })
  onError: string;

  @Field(() => ImportStatus)
  status: ImportStatus;

  @Field(() => ImportPhase)
  phase: ImportPhase;

  @Field(() => Int, { nullable: true, description: 'Data rows in the file; known once it is read.' })
  totalRows: number | null;

  @Field(() => Int, { description: 'Rows done in the current phase (read, checked or written).' })
  processedRows: number;

  @Field(() => Int, { description: 'Rows that create a record (a dry run: would create).' })
  created: number;

  @Field(() => Int)
  updated: number;

  @Field(() => Int)
  unchanged: number;

  @Field(() => Int)
  failed: number;

  @Field(() => String, { nullable: true, description: 'What was detected or given for the file: e.g. UTF-8, Shift_JIS.' })
  encoding: string | null;

  @Field(() => String, { nullable: true, description: 'comma, semicolon or tab.' })
  delimiter: string | null;

  @Field(() => String, { nullable: true, description: 'The date format read besides YYYY-MM-DD, if one was chosen.' })
  dateFormat: string | null;

  @Field(() => ImportFailure, { nullable: true })
  failure: ImportFailure | null;

  @Field()
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  startedAt: Date | null;

  @Field(() => Date, { nullable: true })
  finishedAt: Date | null;
}
