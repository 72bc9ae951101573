/**
 * The guide checks (Udviklingsvejledningen) on an action page's text: findings, their severity and the LIX per field.
 * A named interface because connection (publish refusals) and compliance (requirement 2.2) read the findings too.
 */
@org.springframework.modulith.NamedInterface("guide")
package dk.selvbetjening.actionpage.guide;
