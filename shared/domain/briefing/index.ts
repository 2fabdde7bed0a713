export * from './schema';
export * from './layout-schema';
export * from './layout';
export * from './cell-format';
export * from './source-line';
export * from './render-text';
export * from './spec';
