/**
 * The requirement catalogue: the requirements of Udviklingsvejledningen as versioned data, their revisions and the
 * catalogue versions. A named interface because demo content reads the requirements to answer them.
 */
@org.springframework.modulith.NamedInterface("requirement")
package dk.selvbetjening.compliance.requirement;
