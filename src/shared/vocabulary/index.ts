export * from './label.ts';
export * from './program-areas.ts';
export * from './people.ts';
export * from './programs.ts';
export * from './institutions.ts';
export * from './cities.ts';
export * from './city-record.ts';
export * from './indicators.ts';
