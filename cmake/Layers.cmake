# Sources include each other by folder ("analyzers/token.h", "index/schema.h"),
# but no include path names the source root: each folder's library publishes a
# root of its own, under the build tree, that holds only a link to that
# folder. A target therefore sees the folders of the libraries it links and
# nothing else, and an include across a forbidden edge (search -> server,
# analyzers -> index) fails to compile instead of passing review unnoticed.

# tinhgon_folder_root(<folder> <out_var>): the include root that shows only <folder>.
function(tinhgon_folder_root folder out_var)
  set(root ${PROJECT_BINARY_DIR}/layers/${folder})
  get_filename_component(parent ${root}/${folder} DIRECTORY)
  file(MAKE_DIRECTORY ${parent})
  if(NOT EXISTS ${root}/${folder})
    file(CREATE_LINK ${PROJECT_SOURCE_DIR}/${folder} ${root}/${folder} SYMBOLIC)
  endif()
  set(${out_var} ${root} PARENT_SCOPE)
endfunction()

# tinhgon_layer(<library> <folder>): <library> is <folder>'s layer; whoever
# links it may include <folder>'s headers.
function(tinhgon_layer target folder)
  tinhgon_folder_root(${folder} root)
  target_include_directories(${target} PUBLIC ${root})
endfunction()
