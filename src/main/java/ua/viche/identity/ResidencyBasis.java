package ua.viche.identity;

/**
 * On what a person is a resident of a community: an address verified through ID.GOV.UA whose KATOTTG
 * code is one of the community's settlements, the community's census list, or the person's own
 * declaration of an address in one of those settlements (marked wherever it counts).
 */
public enum ResidencyBasis { DECLARED, CENSUS, VERIFIED_ADDRESS }
