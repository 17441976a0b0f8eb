// Scalars from graphql-scalars: DateTime (ISO 8601, UTC) and JSON (free-form provider objects).
export { DateTimeResolver as DateTime, JSONResolver as JSON } from 'graphql-scalars';
