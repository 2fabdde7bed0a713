import type { ImportRequest } from '../../../shared/contract/import';
import type { AreaChoice, NamedAreaLevel } from '../../../shared/contract/import-choices';

/** What the wizard's steps read and change; ImportScreen holds the state. */

/** The preview request's options as the analyst sets them (file and choices are kept apart). */
export type Options = Omit<ImportRequest, 'filePath' | 'choices'>;

/** The areas step's choices, by the label as the file writes it. */
export interface AreaPolicyState {
  newAreas: 'create' | 'skip';
  remember: boolean;
  choices: Record<string, AreaChoice>;
  /** Names without a code become areas of this gemeente (null: they are not created), at this level. */
  under: string | null;
  level: NamedAreaLevel;
}

export const INITIAL_AREA_POLICY: AreaPolicyState = { newAreas: 'create', remember: true, choices: {}, under: null, level: 'eigen' };
