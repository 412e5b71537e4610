package ua.viche.civic.domain;

/** Legal forms of civil-society organisations, as the register names them (label {@code civic.legalForm.<NAME>}). */
public enum LegalForm {
    PUBLIC_ORGANISATION, PUBLIC_UNION, CHARITY, CREATIVE_UNION, SELF_ORGANISATION, RELIGIOUS, TRADE_UNION, OTHER
}
