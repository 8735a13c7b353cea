// The document schema shared by every process.
export { schema } from './schema';
