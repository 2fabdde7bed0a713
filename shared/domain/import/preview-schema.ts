/**
 * The preview, problem and recipe shapes are the contract's (shared/contract/import-preview.ts); this
 * re-export keeps main/import's one import of `Problem` working until that folder imports the contract.
 */
export * from '../../contract/import-preview';
