/// Text handling: HTML pages to article text, sentences, tokens and numbers.
public enum TallyText {}
