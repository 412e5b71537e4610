package ua.viche.civic.domain;

/** The kind of an advisory body: a public council, a youth council, an expert council or another. */
public enum BodyKind { PUBLIC_COUNCIL, YOUTH_COUNCIL, EXPERT_COUNCIL, OTHER }
