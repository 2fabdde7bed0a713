export * from './aggregate';
export * from './boundary';
export * from './build-table';
export * from './resolve';
export * from './source-text';
export * from './stats';
export * from './memory-data';
export * from './dutch-csv';
