# ruamkit_layer(<name> [LAYERS <layer>...] [LIBS <target>...]
#               [EXCLUDE <regex>] [EXTRA_SOURCES <file>...])
# Builds src/<name>/*.cpp into the static library ruamkit_<name>, linked to
# the layers it may use and to external libraries. The layer's headers are
# published through build/layers/<name>/, a directory with one symbolic link
# <name> → src/<name>, so only targets that link the layer can include
# "<name>/…" (src/ itself is on no include path).
function(ruamkit_layer name)
  cmake_parse_arguments(L "" "EXCLUDE" "LAYERS;LIBS;EXTRA_SOURCES" ${ARGN})
  set(dir ${CMAKE_BINARY_DIR}/layers/${name})
  file(MAKE_DIRECTORY ${dir})
  if(NOT EXISTS ${dir}/${name})
    file(CREATE_LINK ${CMAKE_SOURCE_DIR}/src/${name} ${dir}/${name} SYMBOLIC)
  endif()
  file(GLOB_RECURSE sources CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/src/${name}/*.cpp)
  if(L_EXCLUDE)
    list(FILTER sources EXCLUDE REGEX "${L_EXCLUDE}")
  endif()
  add_library(ruamkit_${name} STATIC ${sources} ${L_EXTRA_SOURCES})
  target_include_directories(ruamkit_${name} PUBLIC ${dir})
  target_compile_options(ruamkit_${name} PRIVATE ${RUAMKIT_WARNINGS})
  target_compile_definitions(ruamkit_${name} PUBLIC
    RUAMKIT_VERSION="${PROJECT_VERSION}"
    RUAMKIT_DEFAULT_SHARE_DIR="${CMAKE_SOURCE_DIR}")
  set(layers)
  foreach(layer ${L_LAYERS})
    list(APPEND layers ruamkit_${layer})
  endforeach()
  target_link_libraries(ruamkit_${name} PUBLIC ${layers} ${L_LIBS})
endfunction()
