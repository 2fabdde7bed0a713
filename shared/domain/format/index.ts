/**
 * Dutch formatting for the whole app, in one place: numbers (./number.ts, the only user of
 * Intl.NumberFormat), figures with unit, qualifier, range and CBS sign (./figure.ts), scenario
 * parameters (./parameter.ts), and the words for severities and error codes (./messages.ts).
 * Screens, the CLI's Dutch output and exports import from here.
 */
export * from './number';
export * from './figure';
export * from './parameter';
export * from './messages';
