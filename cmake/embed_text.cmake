# Writes OUTPUT, a C++ source defining `std::string_view NAMESPACE::FUNCTION()` that returns the
# files INPUTS (joined by '|') joined by newlines, so data files ship inside the binary and a user's
# clone needs nothing at run time. Run with cmake -P (see rubdown_embed_text in CMakeLists.txt).
string(REPLACE "|" ";" INPUTS "${INPUTS}")
set(source "// Generated from data files by cmake/embed_text.cmake; do not edit.\n")
string(APPEND source "#include <string_view>\n\nnamespace ${NAMESPACE} {\n\n")
string(APPEND source "std::string_view ${FUNCTION}() {\n    static const char text[] =\n")
foreach(input IN LISTS INPUTS)
    file(READ "${input}" content)
    if(content MATCHES "\\)embedded_text\"")
        message(FATAL_ERROR "${input} holds the raw string's delimiter")
    endif()
    # One literal per file: adjacent literals are joined by the compiler.
    string(APPEND source "        R\"embedded_text(${content}\n)embedded_text\"\n")
endforeach()
string(APPEND source "        \"\";\n    return {text, sizeof text - 1};\n}\n\n}  // namespace ${NAMESPACE}\n")
file(WRITE "${OUTPUT}.tmp" "${source}")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUTPUT}.tmp")
