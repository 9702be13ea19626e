
(function(){
function show(id,pin){
  var d=document.getElementById('d-'+id),c=document.getElementById(id);if(!d||!c)return;
  var box=d.parentNode,art=box.closest('article');
  box.querySelectorAll('.detail,.placeholder').forEach(function(x){x.hidden=x!==d;});
  art.querySelectorAll('.claim.active').forEach(function(x){x.classList.remove('active');});
  c.classList.add('active');
  if(pin){art.querySelectorAll('.claim.pinned').forEach(function(x){
    x.classList.remove('pinned');});c.classList.add('pinned');}
}
function key(td){
  var s=td.getAttribute('data-sort');if(s===null)s=td.textContent.trim();
  var n=Number(s);return s!==''&&!isNaN(n)?n:s;
}
function sort(th){
  var tb=th.closest('table').tBodies[0],i=Array.prototype.indexOf.call(th.parentNode.children,th);
  var asc=th.getAttribute('aria-sort')!=='ascending';
  th.parentNode.querySelectorAll('th').forEach(function(x){x.removeAttribute('aria-sort');});
  th.setAttribute('aria-sort',asc?'ascending':'descending');
  var rows=Array.prototype.slice.call(tb.rows);
  rows.sort(function(a,b){
    var x=key(a.children[i]),y=key(b.children[i]),nx=typeof x==='number',ny=typeof y==='number';
    if(nx!==ny)return nx?-1:1;  /* text (NaN, blank) after numbers either way */
    var r=nx?x-y:String(x).localeCompare(String(y));return asc?r:-r;
  });
  rows.forEach(function(r){tb.appendChild(r);});
}
document.addEventListener('click',function(e){
  var t=e.target.closest('[data-claim]');if(t)show(t.getAttribute('data-claim'),true);
  var h=e.target.closest('th[data-sort]');if(h)sort(h);
});
document.addEventListener('keydown',function(e){
  var t=e.target;if((e.key==='Enter'||e.key===' ')&&t.classList&&t.classList.contains('claim')){
    e.preventDefault();show(t.id,true);}
});
document.addEventListener('mouseover',function(e){
  var c=e.target.closest('.claim');if(c)show(c.id,false);
});
document.addEventListener('mouseout',function(e){
  var p=e.target.closest('.text');if(!p||p.contains(e.relatedTarget))return;
  var k=p.querySelector('.claim.pinned');if(k)show(k.id,false);
});
var f=document.getElementById('filter');
if(f)f.addEventListener('input',function(){
  var q=f.value.toLowerCase();
  document.querySelectorAll('table.events tbody tr').forEach(function(r){
    r.hidden=q!==''&&r.textContent.toLowerCase().indexOf(q)<0;});
});
if(location.hash.length>1&&document.getElementById('d-'+location.hash.slice(1)))
  show(location.hash.slice(1),true);
})();
