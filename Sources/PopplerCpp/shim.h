/* Nothing to import: this system-library target only carries poppler-cpp's pkg-config flags to
 * CPoppler, the one target whose .cpp includes poppler's C++ headers. */
