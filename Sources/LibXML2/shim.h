/* Nothing to import: this system-library target only carries libxml-2.0's pkg-config flags to
 * CLibXML2, the one target whose .c includes libxml2's headers. */
