/**
 * The action page's Word template round trip: export a page as a .docx, read a filled-in template back, and refuse
 * unsafe or foreign files. A named interface because connection's submission form takes the template too.
 */
@org.springframework.modulith.NamedInterface("word")
package dk.selvbetjening.actionpage.word;
