import type { z } from 'zod';
import type { CommitRequest, ImportRequest } from '../../shared/contract/import';

/** Requests as the contract has validated them. */
export type ParsedImportRequest = z.output<typeof ImportRequest>;
export type ParsedCommitRequest = z.output<typeof CommitRequest>;
