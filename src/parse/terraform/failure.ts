/** Thrown inside the parser to stop at the first syntax error; parseHcl turns it into an HclSyntaxError. */
export class ParseFailure extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
    this.name = 'ParseFailure';
  }
}
