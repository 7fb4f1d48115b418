/** Properties that turn a log line into an annotation on a file and line. */
export interface AnnotationProps {
  file?: string;
  startLine?: number;
  startColumn?: number;
  title?: string;
}

/** The only way domain code speaks to the user; actions pass one in, tests pass a recorder. */
export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warning(message: string, props?: AnnotationProps): void;
  error(message: string, props?: AnnotationProps): void;
}

/** A logger that drops everything, for callers that do not care. */
export const nullLogger: Logger = {
  debug() {},
  info() {},
  warning() {},
  error() {},
};

/** One recorded log call. */
export interface LogRecord {
  level: keyof Logger;
  message: string;
  props?: AnnotationProps;
}

/** A logger that keeps every call, for tests and for collecting warnings into a report. */
export class RecordingLogger implements Logger {
  readonly records: LogRecord[] = [];
  debug(message: string): void {
    this.records.push({ level: 'debug', message });
  }
  info(message: string): void {
    this.records.push({ level: 'info', message });
  }
  warning(message: string, props?: AnnotationProps): void {
    this.records.push({ level: 'warning', message, ...(props ? { props } : {}) });
  }
  error(message: string, props?: AnnotationProps): void {
    this.records.push({ level: 'error', message, ...(props ? { props } : {}) });
  }
  /** Messages logged at one level. */
  messages(level: keyof Logger): string[] {
    return this.records.filter((r) => r.level === level).map((r) => r.message);
  }
}
